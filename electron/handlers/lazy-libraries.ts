// Libraries that take hundreds of milliseconds to load and that most commands never use, loaded
// on first use instead of at start-up (the command line answers in a fraction of a second).

/** exceljs: reading and writing workbooks. */
export async function loadExcel() {
  return (await import('exceljs')).default;
}
