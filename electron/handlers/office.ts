import type { ParsedInput } from '../../shared/contract';
import { officeSettingsSchema, type OfficeSettings } from '../../shared/notices';
import type { HandlerContext, ReadContext } from './context';

// The office's settings: contact officer, telephone, email, the notice number prefix and its org-id.

const OFFICE_KEYS = ['contactOfficer', 'telephone', 'email', 'numberPrefix', 'orgId'] as const;

export type KeptOfficeSettings = Required<OfficeSettings>;

export function officeSettings(ctx: ReadContext): KeptOfficeSettings {
  const kept = (key: (typeof OFFICE_KEYS)[number]) => ctx.store.people.setting(`office.${key}`) ?? '';
  return {
    ...officeSettingsSchema.parse(Object.fromEntries(OFFICE_KEYS.map((k) => [k, kept(k)]))),
    orgId: kept('orgId'),
  };
}

export const officeHandlers = {
  'office:get': (_input: object, ctx: ReadContext) => officeSettings(ctx),

  'office:set': (input: ParsedInput<'office:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      // A change without an org-id (the notice's contact form) keeps the one kept.
      for (const key of OFFICE_KEYS) {
        const value = input[key];
        if (value !== undefined) ctx.store.people.setSetting(`office.${key}`, value);
      }
      return officeSettings(ctx);
    }),
};
