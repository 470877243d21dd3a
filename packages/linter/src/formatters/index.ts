export { formatResults, OUTPUT_FORMATS, type OutputFormat, type FormatOptions } from './format.js';
export { formatText, type TextFormatOptions } from './text.js';
export { formatJson, JSON_FORMAT_VERSION } from './json.js';
export { formatSarif, sarifUri, type SarifFormatOptions } from './sarif.js';
export { formatGithub, escapeData, escapeProperty } from './github.js';
