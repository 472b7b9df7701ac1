export { main, HELP } from "./cli.ts";
export { allExercises, exercisesOf, findExercise, type Exercise } from "./exercises.ts";
export {
  copyRegions,
  findRegions,
  stubRegions,
  replaceRegionBody,
  withoutMarkers,
  todoMessage,
} from "./regions.ts";
export { generateStarter, writeStarter, starterDrift } from "./starter.ts";
export { diagnose, rabbitMqVersion, type Check } from "./commands/doctor.ts";
export { findRoot, findStep, listSteps } from "./repo.ts";
