/** 247xd writes coins as exact JSON numbers (`15.00`): the simulator kit's serializer, under the names the unit tests use. */
export { jsonText, RawNumber } from '../../shared/simulator-kit/exact-json.ts';
export type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
