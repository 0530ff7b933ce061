# Dân vận khéo bot — one image, two roles (webhooks | worker), chosen by the command.
# Build:  docker build -t dvk-bot .
# Run:    see docker-compose.yml and docs/deploy.md.

# ── 1. dependencies: production packages only, Prisma client generated at build ──
FROM node:22-bookworm-slim AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall runs `prisma generate` (JS engine, offline: no engine download).
RUN npm ci --omit=dev --no-audit --no-fund \
 && npx prisma generate \
 && npm cache clean --force

# ── 2. runtime: the sources run through tsx (no separate build step), as a non-root user ──
FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=deps --chown=node:node /app/prisma ./prisma
COPY --chown=node:node package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY --chown=node:node bot ./bot
COPY --chown=node:node worker ./worker
COPY --chown=node:node webhooks ./webhooks
COPY --chown=node:node runtime ./runtime
COPY --chown=node:node locales ./locales
COPY --chown=node:node scripts ./scripts
USER node
EXPOSE 3000
# The webhooks role answers /health; workers are checked through the queue (see compose).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node_modules/.bin/tsx", "scripts/start.ts", "--role", "webhooks"]
