// Validates sdk/openapi.json (the document /openapi.json serves) with swagger-parser, which checks it against
// the OpenAPI 3.1 schema and resolves every $ref: strict validators must accept what integrators download.
import SwaggerParser from "@apidevtools/swagger-parser";
import { readFile } from "node:fs/promises";

const document = JSON.parse(await readFile(new URL("../../sdk/openapi.json", import.meta.url), "utf8"));
try {
  await SwaggerParser.validate(document);
  console.log(`✔ sdk/openapi.json is valid OpenAPI ${document.openapi} (swagger-parser)`);
} catch (error) {
  console.error(`✘ sdk/openapi.json: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
