/** Quotes one CSV field as RFC 4180 describes, and defuses spreadsheet formulas in text. */
export function csvField(value: unknown): string {
  let text = "";
  if (typeof value === "string") text = value;
  else if (value !== null && value !== undefined) text = JSON.stringify(value);
  // Text starting with =, +, -, @, a tab or a carriage return would run as a formula when the
  // file is opened in a spreadsheet. Numbers are data, so -5 stays -5.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(",");
}
