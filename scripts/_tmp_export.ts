import { openIncidentExport, parseExportParams } from "../lib/incidents/export";
const options = parseExportParams(new URLSearchParams(process.argv[2] ?? ""));
for (let k = 0; k < 2; k++) {
  const t = performance.now();
  const { body } = await openIncidentExport(options, { user: null });
  const reader = body.getReader();
  let bytes = 0, chunks = 0, first = 0;
  for (;;) { const { done, value } = await reader.read(); if (done) break; if (!first) first = performance.now() - t; bytes += value.byteLength; chunks++; }
  console.log({ ms: Math.round(performance.now() - t), first: Math.round(first), mb: Math.round(bytes / 1e6), chunks });
}
process.exit(0);
