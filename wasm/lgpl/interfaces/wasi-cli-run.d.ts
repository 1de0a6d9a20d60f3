/** @module Interface wasi:cli/run@0.2.12 **/
export function run(): void;
