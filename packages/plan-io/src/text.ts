/**
 * `@qxg/plan-io/text`: the browser-safe part of plan-io (no exceljs, no zip reader): text decoding.
 *
 * @packageDocumentation
 */
export { decodePlanText } from './decode-text';
