# Builds and runs the app on the postgres profile (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/smart-city-accelerator-app-*.jar /tmp/build/app.jar
COPY --from=build /src/scripts/cds-archive.sh /tmp/build/
# Extracted jar + AppCDS archive recorded by a training start in this image's JVM: about half the CPU to start
# (docs/performance.md, "Start-up"). Without the archive the JVM starts the same app, only slower.
RUN bash /tmp/build/cds-archive.sh /tmp/build/app.jar /app && rm -rf /tmp/build
EXPOSE 8080
# Spring AOT: the bean definitions generated at build time, not found by scanning and conditions at every start
# ("Start-up, round 5"); bean conditions are thereby fixed by the build (docs/settings.md).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-Dspring.aot.enabled=true", "-jar", "/app/app.jar"]
