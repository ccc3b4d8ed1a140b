/**
 * The same body across years and documents, whatever way its name is written: 淮安市洪泽区人民政府 and
 * 洪泽区人民政府 are one body; 衢州市人民政府 keeps its city, which is its own name.
 */
export function bodyKey(issuer: string): string {
  const name = issuer.replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '');
  // Drop leading province / prefecture names when a county-level or lower place follows.
  const m =
    /^(?:[\u4e00-\u9fa5]{1,8}?(?:省|自治区))?(?:[\u4e00-\u9fa5]{1,8}?(?:市|自治州|州|盟|地区))?([\u4e00-\u9fa5]{1,10}?(?:县|区|旗|镇|乡|街道).*)$/.exec(
      name,
    );
  return m?.[1] ?? name;
}
