-- Token buckets of the rate limits (bucket4j's PostgreSQL backend), shared by every command-service instance.
-- expires_at: epoch millis after which the bucket would be full again and the row may be deleted.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
