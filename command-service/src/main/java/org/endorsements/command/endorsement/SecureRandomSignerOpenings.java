package org.endorsements.command.endorsement;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

@Component
class SecureRandomSignerOpenings implements SignerOpenings {

    private static final int OPENING_BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    @Override
    public String next() {
        byte[] bytes = new byte[OPENING_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
