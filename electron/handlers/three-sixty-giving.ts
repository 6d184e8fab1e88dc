import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import type { ReadContext } from './context';
import type { NoticeBid, NoticeData } from './exports/notice-types';
import { noticeData } from './notice-content';
import { officeSettings } from './office';
import { fieldRefusal, Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// A round's awards as 360Giving data (the open-data standard grant makers publish in), read from
// the signed decision's frozen content so that it says what the commissioner signed.
//
// Identifiers: 360Giving asks each grant's id to begin "360G-" and the publisher's own prefix; we
// build that from the office's org-id. The office keeps no register number for its partnerships,
// so each recipient gets the 360Giving convention for an organisation without one: "360G-", the
// publisher's prefix, and the publisher's own stable name for it.

/** Letters and digits of a name, joined by hyphens: stable across databases, unlike a row id. */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function grantIdentifier(orgId: string, noticeNumber: string, ref: string): string {
  return `360G-${orgId}-${slug(noticeNumber)}-${slug(ref)}`;
}

export function recipientIdentifier(orgId: string, partnership: string): string {
  return `360G-${orgId}-${slug(partnership)}`;
}

function grant(data: NoticeData, bid: NoticeBid, orgId: string, awardDate: string) {
  const awardedPence = bid.awardedPence ?? 0;
  const why = bid.crimeReduction?.trim();
  return {
    id: grantIdentifier(orgId, data.number, bid.ref),
    title: bid.title,
    description:
      `${formatMoney(awardedPence)} from ${data.fund} (${data.roundName}) to ${bid.partnership} ` +
      `for ${bid.title}, by decision ${data.number}.` +
      (why ? ` Why it will reduce crime and disorder: ${why}` : ''),
    currency: 'GBP',
    amountAwarded: awardedPence / 100,
    amountAppliedFor: bid.requestedPence / 100,
    awardDate,
    recipientOrganization: [{ id: recipientIdentifier(orgId, bid.partnership), name: bid.partnership }],
    fundingOrganization: [{ id: orgId, name: data.wording.issuingBody }],
    grantProgramme: [{ title: `${data.fund}: ${data.roundName}` }],
  };
}

export const threeSixtyGivingHandlers = {
  'publish:threeSixtyGiving': (input: ParsedInput<'publish:threeSixtyGiving'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    const notice = ctx.store.notices.signedStanding(round.id);
    if (!notice)
      throw new Refusal(
        'conflict',
        `Round ${round.id} has no signed decision yet: 360Giving data lists awards once the commissioner has signed`,
      );
    const orgId = input.orgId ?? officeSettings(ctx).orgId;
    if (!orgId)
      throw fieldRefusal(
        'invalid_input',
        'orgId',
        "No org-id: give the office's org-id (like GB-CHC-1234567), or keep it once with office set --org-id ID",
      );
    const data = noticeData(ctx, notice);
    const awardDate = data.signature?.date ?? notice.signedOn ?? '';
    const grants = data.decisions
      .filter((bid) => (bid.awardedPence ?? 0) > 0)
      .map((bid) => grant(data, bid, orgId, awardDate));
    const json = `${JSON.stringify({ grants }, null, 2)}\n`;
    return {
      fileName: `360Giving ${slug(data.number)} ${slug(round.name)}.json`,
      mediaType: 'application/json',
      dataBase64: Buffer.from(json, 'utf8').toString('base64'),
    };
  },
};
