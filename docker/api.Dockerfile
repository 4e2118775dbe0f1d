# syntax=docker/dockerfile:1
# The API image. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t pa-api .
# Stages: deps (all packages) → build (swc, keeps decorator metadata) → prod-deps (runtime packages
# only) → runtime (slim, non-root). See docker/README.md.

ARG NODE_IMAGE=node:20-bookworm-slim
# The lockfile and `allowScripts` in package.json are npm 11's: node:20 ships npm 10, which would
# ignore allowScripts and run every dependency's install script.
ARG NPM_VERSION=11.19.1

FROM ${NODE_IMAGE} AS npm11
ARG NPM_VERSION
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund && npm cache clean --force
WORKDIR /app

FROM npm11 AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.base.json .swcrc ./
COPY tools/scripts ./tools/scripts
COPY apps ./apps
COPY libs ./libs
RUN node tools/scripts/build-server.mjs

FROM npm11 AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist/server ./dist/server
COPY --chown=node:node package.json ./
USER node
EXPOSE 4000
# No curl in the slim image: Node's fetch does the probe. /healthz = the process is alive;
# orchestrators that route traffic should use /readyz (PostgreSQL and Redis reachable).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The API handles SIGTERM itself (drains within SHUTDOWN_TIMEOUT_MS); exec form keeps it PID 1's signal.
CMD ["node", "dist/server/apps/api/src/main.js"]
