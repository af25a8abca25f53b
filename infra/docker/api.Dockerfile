# The API image: node dist/main.js with production dependencies only.
# Build from the repository root:  docker build -f infra/docker/api.Dockerfile -t nested-market/api .
FROM node:20-bookworm-slim AS build
ENV CI=true TURBO_TELEMETRY_DISABLED=1
RUN npm i -g pnpm@12.4.2
WORKDIR /repo
COPY . .
# The API and what it depends on (@nested/domain), built in order; then a folder with the API's
# dist and its production node_modules only.
RUN pnpm install --frozen-lockfile --filter "@nested/api..." \
 && pnpm --filter "@nested/api..." run build \
 && pnpm --filter @nested/api deploy --prod /out

FROM node:20-bookworm-slim
# Configuration comes from the environment at run time (see infra/README.md); nothing is baked in
# but these defaults. DATABASE_URL is required in production.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /out ./
USER node
EXPOSE 4000
# Migrations: `node dist/database/migrate.cli.js` (Job / compose "migrate"); `--wait` waits for them.
CMD ["node", "dist/main.js"]
