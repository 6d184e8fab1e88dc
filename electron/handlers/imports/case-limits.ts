import { BID_FIELD_LIMITS as LIMIT, MAX_QUANTITY } from '../../../shared/limits';
import { sumWithinLimit } from '../../../shared/money';
import { Refusal } from '../refusal';
import type { ParsedBusinessCase } from './business-case';

// A business case is held to the same limits as the bid form before anything of it is written.
// Headings are labels, so a long one is shortened (and said so); text, sections and cost lines
// beyond the form's limits refuse the document, naming what is too large.

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function caseWithinLimits(
  parsed: ParsedBusinessCase,
  fileName: string,
  sectionsKept: number,
): ParsedBusinessCase {
  const refuse = (message: string) =>
    new Refusal('invalid_input', `Nothing was imported: ${fileName} ${message}`);
  const total = parsed.sections.length + sectionsKept;
  if (total > LIMIT.sections)
    throw refuse(`would give the bid ${total} sections; a bid holds at most ${LIMIT.sections}`);
  if (parsed.costLines.length > LIMIT.costLines)
    throw refuse(`has ${parsed.costLines.length} cost lines; a bid holds at most ${LIMIT.costLines}`);
  const warnings = [...parsed.warnings];
  const sections = parsed.sections.map(({ heading, body }) => {
    if (body.length > LIMIT.sectionBody)
      throw refuse(
        `has a section, "${shorten(heading, 60)}", of ${body.length.toLocaleString('en-GB')} characters; ` +
          `a section holds at most ${LIMIT.sectionBody.toLocaleString('en-GB')}`,
      );
    if (heading.length > LIMIT.sectionHeading)
      warnings.push(`A heading longer than ${LIMIT.sectionHeading} characters was shortened`);
    return { heading: shorten(heading, LIMIT.sectionHeading), body };
  });
  const costLines = parsed.costLines.map((line) => {
    if (line.quantity !== null && line.quantity > MAX_QUANTITY) {
      warnings.push(
        `The quantity ${line.quantity} in "${shorten(line.description, 60)}" is too large to use`,
      );
      line = { ...line, quantity: null };
    }
    return { ...line, description: shorten(line.description, LIMIT.costLineDescription) };
  });
  if (sumWithinLimit(costLines.map((l) => l.amountPence ?? 0)) === null)
    throw refuse('has cost lines adding up to more than Tranche can hold');
  return { ...parsed, sections, costLines, warnings };
}
