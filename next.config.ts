import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // @platformatic/kafka pulls in a native add-on that bundlers break, and bundling PGlite breaks
  // its WebAssembly file lookup; both load from node_modules at run time instead.
  serverExternalPackages: ["@platformatic/kafka", "@electric-sql/pglite", "pino", "kafkajs"],
  // Keeps `next dev` from writing an AGENTS.md file and from asking the registry for upgrades.
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
};

export default nextConfig;
