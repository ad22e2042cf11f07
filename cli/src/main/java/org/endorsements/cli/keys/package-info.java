/** An organization's own Ed25519 signing keys: generating a key pair and signing endorsements with it, offline. */
package org.endorsements.cli.keys;
