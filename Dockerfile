# Puente's production image: build with the full toolchain, run on a slim Node 24 LTS.
# CI cannot run Docker; test/deploy/container.test.ts replays these steps in a folder
# (npm ci tree → build → prune → runtime files only, as a non-root user).

# --- build: compiles better-sqlite3 when its prebuilt binary cannot be fetched (python3, make, g++ are in this image)
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot bot
COPY dialogs dialogs
COPY scripts scripts
COPY locales locales
RUN npm run build && npm prune --omit=dev

# --- runtime: same Debian release as the build stage, so the compiled native module loads
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=8080 \
    NODE_OPTIONS=--max-old-space-size=256 \
    SQLITE_PATH=/app/data/puente.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
# node itself is PID 1 (no npm, no shell), so SIGTERM reaches Puente and it drains before exiting.
CMD ["node", "dist/bot/index.js"]
