# Dân vận khéo bot — one image, two roles (webhooks | worker), chosen by the command.
# Build:  docker build -t dvk-bot .
# Run:    see docker-compose.yml and docs/deploy.md.
# NODE_IMAGE: any Debian-based image with node >= 20.19, npm and a `node` user (uid 1000). The default is Docker
# Hub's; a host without Hub access can pass a locally imported one (docs/deploy.md, "What was run here").
ARG NODE_IMAGE=node:22-bookworm-slim

# ── 1. build: every package, then `npm run build` (tsc to dist/ plus the files the code reads) ──
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY bot ./bot
COPY worker ./worker
COPY webhooks ./webhooks
COPY runtime ./runtime
COPY locales ./locales
COPY scripts ./scripts
RUN npm run build

# ── 2. production packages only, Prisma client generated at build (JS engine, offline) ──
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund \
 && npx prisma generate \
 && npm cache clean --force

# ── 3. runtime: plain node on dist/, as the unprivileged `node` user ──
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
# prisma/ (schema, migrations, CLI adapter) and prisma.config.ts serve `npm run db:migrate`.
COPY --from=deps --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
USER node
EXPOSE 3000
# The webhooks role answers /health; workers are checked in docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# V8 flags per role: docs/scaling.md ("Memory", "Round 5"); the same as `npm run start:prod:webhooks`.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=16", "--liftoff-only", "--expose-gc", "dist/scripts/start.js", "--role", "webhooks"]
