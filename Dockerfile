# SlateCheck: build with the Maven wrapper, run on a JRE. The database comes from SLATECHECK_DB_URL
# (with SLATECHECK_DB_USER / SLATECHECK_DB_PASSWORD); the image never starts an embedded PostgreSQL in production.
# Not built on our development machines (no Docker engine there); reviewed by hand.
# No demo users: the profile "demo" is never active here, so the first start has no users. Create the first
# administrator once, e.g. docker run -it --rm -e SLATECHECK_DB_URL=… IMAGE users add --name NAME --role ADMIN
# (the password is asked for on the terminal). Behind a TLS proxy, add --server.forward-headers-strategy=native.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B install -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app slatecheck
WORKDIR /app
COPY --from=build /src/service/target/slatecheck.jar /app/slatecheck.jar
USER slatecheck
EXPOSE 8080
ENV SLATECHECK_DB_URL="" SLATECHECK_DB_USER="" SLATECHECK_DB_PASSWORD="" SPRING_PROFILES_ACTIVE=""
ENTRYPOINT ["java", "-jar", "/app/slatecheck.jar"]
