-- Drops the CHECK constraint the operators_export_files migration added: prisma 6.19.3's wasm
-- engine crashes ("unreachable") introspecting a shadow database that has one, which broke
-- `npm run db:diff` (see the note in the domain_core migration). `kind` (document | image)
-- is checked in code (bot/core/outbound-message.ts) like every other closed vocabulary.
ALTER TABLE "export_file" DROP CONSTRAINT IF EXISTS "export_file_kind_check";
