-- CreateTable
CREATE TABLE "public_info" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit_id" TEXT,
    "terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "content" JSONB NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "effective_from" DATE,

    CONSTRAINT "public_info_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "public_info_kind_unit_id_idx" ON "public_info"("kind", "unit_id");
