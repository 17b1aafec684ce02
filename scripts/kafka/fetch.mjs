// Downloads the Kafka broker jars into the cache folder (KAFKA_HOME_DIR/libs).
// Does nothing when the pinned Kafka version is already there.
import { brokerSettings, fetchKafkaLibs, logInfo, runScript } from './config.mjs';

await runScript(async () => {
  const { fetched } = fetchKafkaLibs();
  if (!fetched) {
    logInfo(`Kafka ${brokerSettings.kafkaVersion} jars are present in ${brokerSettings.libsDir}`);
  }
});
