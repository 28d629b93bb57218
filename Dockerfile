# SlateCheck: build with the Maven wrapper, run on a JRE. The database comes from SLATECHECK_DB_URL
# (with SLATECHECK_DB_USER / SLATECHECK_DB_PASSWORD). The image never starts an embedded PostgreSQL unless asked
# (SLATECHECK_EMBEDDED_DB=false here): without SLATECHECK_DB_URL the container stops at once with one line saying so.
# To try it without a PostgreSQL server, run it with -e SLATECHECK_EMBEDDED_DB=true and a volume for /data.
# Not built on our development machines (no Docker engine there); reviewed by hand.
# No demo users: the profile "demo" is never active here, so the first start has no users. Create the first
# administrator once, e.g. docker run -it --rm -e SLATECHECK_DB_URL=… IMAGE users add --name NAME --role ADMIN
# (the password is asked for on the terminal). Behind a TLS proxy, add --server.forward-headers-strategy=native.
# Several containers of this image may share one PostgreSQL (the same SLATECHECK_DB_URL on each; README "Several
# instances"): sessions, sign-in throttling, the active rule sets and batches are shared through it. Give each
# container its own /data volume (batch work files only); never one /data for two containers.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, in a layer of their own: it is rebuilt only when a pom.xml or the wrapper changes, not when a
# source file does. go-offline leaves out the modules of this build (they are built below).
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
COPY data/pom.xml data/
COPY rules/pom.xml rules/
COPY service/pom.xml service/
RUN ./mvnw -B -q dependency:go-offline
# Then the sources. `package` (never `install`): the jar is service/target/slatecheck.jar. The rules module compiles
# the shipped screening and election rules at this step (`election/BuildTimeRules` writing through `PrecompiledRules`),
# so the image loads them without compiling at run time.
COPY data data
COPY rules rules
COPY service service
RUN ./mvnw -B -q -pl service -am package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK (one layer, no apt lists kept).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# The runtime user owns its data folder: the embedded database (if asked for) in /data/db, made at its first start,
# and the batches' work folders beside it, inside /data.
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin slatecheck \
    && mkdir -p /data \
    && chown slatecheck:slatecheck /data \
    && chmod 700 /data
WORKDIR /app
COPY --from=build /src/service/target/slatecheck.jar /app/slatecheck.jar
ENV SLATECHECK_DB_URL="" \
    SLATECHECK_DB_USER="" \
    SLATECHECK_DB_PASSWORD="" \
    SLATECHECK_EMBEDDED_DB="false" \
    SLATECHECK_DATA_DIR="/data/db" \
    SPRING_PROFILES_ACTIVE=""
VOLUME ["/data"]
USER slatecheck
EXPOSE 8080
# /healthz answers 200 "ok" without signing in while the application and its database answer (503 otherwise).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS --max-time 4 http://localhost:8080/healthz || exit 1
ENTRYPOINT ["java", "-jar", "/app/slatecheck.jar"]
