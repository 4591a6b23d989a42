# syntax=docker/dockerfile:1
# Parallel: the API, which also serves the built web client, in one image.
# Stages: build (all dependencies, compile everything) -> production dependencies -> runtime.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No telemetry from build tools or install scripts, and no Nx background daemon in a build.
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    SCARF_ANALYTICS=false \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
# The lockfile is written by npm 11; installing it with the same major keeps installs identical.
RUN npm install --global npm@11
# Only the manifests first, so the dependency layers are reused while they do not change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/domain/package.json libs/domain/

# The committed lockfile is complete (every platform's optional builds): `npm ci` installs
# exactly it, and a lockfile that drifts from package.json fails the build loudly.
FROM base AS build
RUN npm ci
COPY . .
RUN npm run build

FROM base AS production-dependencies
RUN npm ci --omit=dev

FROM ${NODE_IMAGE} AS runtime
# Perl for ExifTool (exiftool-vendored), which removes location and device metadata from receipt photos.
RUN apt-get update && apt-get install -y --no-install-recommends perl && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# node_modules keeps its workspace links (node_modules/@parallel/domain -> libs/domain),
# which is how the compiled API finds the compiled domain library.
COPY --from=production-dependencies /app ./
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# The data directory holds the signing key (and mail files when no SMTP server is set);
# it belongs to the unprivileged user the server runs as.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
