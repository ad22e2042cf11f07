# Multi-stage build of the query-service. The build context is the repository root:
#   docker build -f docker/query-service.Dockerfile -t endorsements/query-service:local .
# (docker/compose.yaml does this). docker/query-service.Dockerfile.dockerignore keeps target/, data/ and .git out of the
# context when BuildKit is the builder.

# --- Stage 1: build the Spring Boot jar with Maven (same Maven version as .mvn/wrapper) ---
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /build
# The whole repository is copied: the reactor (-am) needs the parent pom and the modules query-service depends on.
COPY . .
RUN mvn -B -q -DskipTests -pl query-service -am package

# --- Stage 2: runtime on a JRE, as a non-root user ---
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S -g 10001 endorsements \
 && adduser -S -D -H -u 10001 -G endorsements endorsements \
 && mkdir -p /app \
 && chown endorsements:endorsements /app
WORKDIR /app
COPY --from=build --chown=endorsements:endorsements /build/query-service/target/query-service.jar /app/query-service.jar
USER endorsements:endorsements
EXPOSE 8081
# Extra JVM flags can be passed with JAVA_TOOL_OPTIONS; the heap follows the container memory limit.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/query-service.jar"]
