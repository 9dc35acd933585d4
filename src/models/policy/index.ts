export { createPolicyProvider, policySpecString, policyTurn } from "./provider.js";
export { behaviourFor, inMisbehavingShare, type Behaviour } from "./behaviour.js";
