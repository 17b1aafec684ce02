import { describe, expect, it } from "vitest";

import { csvField, csvRow } from "@/lib/domain/csv";

describe("csvField", () => {
  it.each<{ name: string; value: unknown; field: string }>([
    { name: "plain text", value: "request.submitted", field: "request.submitted" },
    { name: "empty string", value: "", field: "" },
    { name: "inner spaces", value: "a b", field: "a b" },
    { name: "inner equals sign", value: "a=b", field: "a=b" },
    { name: "apostrophe", value: "team's", field: "team's" },
  ])("leaves $name as is", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it.each<{ name: string; value: string; field: string }>([
    { name: "comma", value: "a,b", field: '"a,b"' },
    { name: "double quote", value: 'say "hi"', field: '"say ""hi"""' },
    { name: "lone quote", value: '"', field: '""""' },
    { name: "line feed", value: "line 1\nline 2", field: '"line 1\nline 2"' },
    { name: "carriage return", value: "line 1\rline 2", field: '"line 1\rline 2"' },
    { name: "CRLF", value: "line 1\r\nline 2", field: '"line 1\r\nline 2"' },
  ])("quotes $name", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it.each<{ name: string; value: string; field: string }>([
    { name: "equals", value: "=SUM(A1:A9)", field: "'=SUM(A1:A9)" },
    { name: "plus", value: "+1+2", field: "'+1+2" },
    { name: "minus", value: "-2+3", field: "'-2+3" },
    { name: "at sign", value: "@SUM(A1)", field: "'@SUM(A1)" },
    { name: "lone equals", value: "=", field: "'=" },
  ])("defuses leading $name", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it.each<{ name: string; value: string; field: string }>([
    { name: "comma", value: "=1,2", field: "\"'=1,2\"" },
    {
      name: "quotes",
      value: '=HYPERLINK("http://example.invalid")',
      field: '"\'=HYPERLINK(""http://example.invalid"")"',
    },
    { name: "newline", value: "@a\nb", field: "\"'@a\nb\"" },
  ])("defuses then quotes $name", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it.each<{ name: string; value: unknown }>([
    { name: "null", value: null },
    { name: "undefined", value: undefined },
  ])("writes $name as empty", ({ value }) => {
    expect(csvField(value)).toBe("");
  });

  it.each<{ name: string; value: unknown; field: string }>([
    { name: "integer", value: 42, field: "42" },
    { name: "decimal", value: 1.5, field: "1.5" },
    { name: "zero", value: 0, field: "0" },
    { name: "true", value: true, field: "true" },
    { name: "false", value: false, field: "false" },
  ])("writes $name as text", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it.each<{ name: string; value: unknown; field: string }>([
    { name: "object", value: { state: "approved" }, field: '"{""state"":""approved""}"' },
    { name: "object with comma", value: { a: 1, b: 2 }, field: '"{""a"":1,""b"":2}"' },
    { name: "array", value: [1, 2], field: '"[1,2]"' },
    { name: "empty array", value: [], field: "[]" },
    { name: "empty object", value: {}, field: "{}" },
  ])("writes $name as JSON", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it("object JSON parses back", () => {
    const value = { state: "approved", note: 'a "quoted", line\nbreak' };
    const field = csvField(value);
    const unquoted = field.slice(1, -1).replaceAll('""', '"');
    expect(JSON.parse(unquoted)).toEqual(value);
  });
});

describe("csvRow", () => {
  it("joins fields with commas", () => {
    expect(csvRow(["seq", "at", "action"])).toBe("seq,at,action");
  });

  it("empty row", () => {
    expect(csvRow([])).toBe("");
  });

  it("quotes and blanks per field", () => {
    expect(csvRow([1, null, "a,b", undefined, "=cmd", { x: 1 }])).toBe('1,,"a,b",,\'=cmd,"{""x"":1}"');
  });

  it("quotes each field separately", () => {
    expect(csvRow(["a,b", 'c"d', "e\nf"])).toBe('"a,b","c""d","e\nf"');
  });
});
