import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { documentPath, openApiTypes, typesPath } from "../../scripts/openapi-types.mjs";

// The server side (tests/FormFlow.Server.Tests/Contracts/OpenApiDocumentTests.cs) keeps openapi.json in step with the
// server; this keeps the generated types in step with openapi.json. Refresh both: npm run api:refresh.
test("the generated API types are those of the checked-in OpenAPI document", () => {
  const expected = openApiTypes(JSON.parse(readFileSync(documentPath, "utf8")));
  expect(readFileSync(typesPath, "utf8") === expected, "src/api/openapi-types.ts is stale: run npm run api:generate").toBe(true);
});

test("a schema keyword the generator does not cover is refused rather than typed as unknown", () => {
  const document = { components: { schemas: { Odd: { type: "object", properties: { n: { type: "integer", minimum: 0 } } } } } };
  expect(() => openApiTypes(document)).toThrow(/Odd\/n: schema keywords minimum/);
});

test("numbers the server reads from strings are typed as the numbers it writes, nullable ones too", () => {
  const document = { components: { schemas: { Row: { type: "object", required: ["id"], properties: {
    id: { pattern: "^-?(?:0|[1-9]\\d*)$", type: ["integer", "string"], format: "int32" },
    parentId: { pattern: "^-?(?:0|[1-9]\\d*)$", type: ["null", "integer", "string"] },
  } } } } };
  expect(openApiTypes(document)).toContain("export type Row = {\n  id: number;\n  parentId?: null | number;\n};");
});
