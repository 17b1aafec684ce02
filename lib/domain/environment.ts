/** Settings of the cluster that topics and grants go to, set by the platform per environment. */
export interface EnvironmentSettings {
  name: string;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** False for environments such as `sandbox` that must never hold personal or health data. */
  allowsSensitiveData: boolean;
}

export const DATA_CLASSIFICATIONS = ["none", "personal", "health"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const DATA_CLASSIFICATION_LABELS: Record<DataClassification, string> = {
  none: "No personal or health data",
  personal: "Personal data",
  health: "Health data",
};

export function checkClassificationAllowed(
  classification: DataClassification,
  environment: EnvironmentSettings,
): string | null {
  if (classification === "none" || environment.allowsSensitiveData) return null;
  return `The ${environment.name} environment does not accept ${DATA_CLASSIFICATION_LABELS[
    classification
  ].toLowerCase()}; use made-up data here, or propose the topic in an environment that allows it.`;
}
