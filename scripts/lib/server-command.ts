/**
 * How every launcher (npm start, the browser tests, bench:load) runs the production server: the same
 * command, so what the tests and benchmarks measure is what users run. Node runs it directly (not through
 * npx), so stopping the launched process stops the server itself.
 */
export function productionServer(port: number | string, hostname?: string, nodeOptions: string[] = []): [string, string[]] {
  return [process.execPath, [...nodeOptions, "--import", "tsx", "scripts/cli/serve.ts", "--port", String(port), ...(hostname ? ["--hostname", hostname] : [])]];
}
