package org.endorsements.cli.audit;

import java.time.Duration;
import org.endorsements.http.ApiClient;

/** The query service's public API, as any auditor reaches it; nothing else is trusted or needed. */
final class PublicApi {

    /** A page of 500 leaves or signatories of a large statement takes seconds to read on the embedded server. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private PublicApi() {}

    static ApiClient of(String queryUrl) {
        return ApiClient.create(queryUrl, ApiClient.Settings.DEFAULT.withRequestTimeout(READ_TIMEOUT));
    }
}
