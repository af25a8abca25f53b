# One image per SPA: its static files served by nginx. APP is "shop" or "admin".
# Build from the repository root:
#   docker build -f infra/docker/spa.Dockerfile --build-arg APP=shop  -t nested-market/shop .
#   docker build -f infra/docker/spa.Dockerfile --build-arg APP=admin -t nested-market/admin .
# The API's address is NOT part of the build: the container needs API_UPSTREAM (e.g.
# http://nested-api:80) at start, and nginx proxies /<app>/graphql there (same origin, so the
# httpOnly session cookie works without CORS).
ARG APP=shop

FROM node:20-bookworm-slim AS build
ARG APP
ENV CI=true TURBO_TELEMETRY_DISABLED=1
RUN npm i -g pnpm@12.4.2
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile --filter "@nested/${APP}..." \
 && pnpm --filter "@nested/${APP}..." run build

FROM nginx:1.28-alpine
ARG APP
# APP and PORT are read by the template at start, with API_UPSTREAM given by the deployment.
ENV APP=${APP} PORT=8080
COPY --from=build /repo/apps/${APP}/dist /usr/share/nginx/html/${APP}
# The official image fills /etc/nginx/templates/*.template from the environment (envsubst) into
# /etc/nginx/conf.d at every start; the check before it refuses a missing or malformed address.
COPY infra/docker/spa.conf.template /etc/nginx/templates/default.conf.template
COPY --chmod=0755 infra/docker/check-api-upstream.sh /docker-entrypoint.d/15-check-api-upstream.sh
EXPOSE 8080
