# leadup: a static binary on an empty image, running as a non-root user.
#   docker build -t leadup .
#   docker run -d -p 8080:8080 -v leadup-data:/data leadup
# With scheduled backups, mount a second volume at /backups and set
# LEADUP_BACKUP_DIR=/backups (see the README's Backups section).

# The build stage produces everything the image needs in /out: the binary,
# and the /data and /backups directories the non-root user owns.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/leadup ./cmd/leadup \
 && mkdir -p /out/data /out/backups

# The final image holds nothing but that: the binary embeds its assets,
# migrations and time zone data.
FROM scratch
COPY --from=build /out/leadup /leadup
COPY --from=build --chown=65532:65532 /out/data /data
# Not a VOLUME: backups are off until LEADUP_BACKUP_DIR names it, and a
# named volume mounted here starts owned by leadup's user.
COPY --from=build --chown=65532:65532 /out/backups /backups
ENV LEADUP_ADDR=:8080 \
    LEADUP_DB=/data/leadup.db
USER 65532:65532
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/leadup", "healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/leadup"]
CMD ["serve"]
