import type { ParsedInput } from '../../shared/contract';
import { officeSettingsSchema, type OfficeSettings } from '../../shared/notices';
import type { HandlerContext, ReadContext } from './context';

// The office's settings: contact officer, telephone, email and the notice number prefix.

const OFFICE_KEYS: (keyof OfficeSettings)[] = ['contactOfficer', 'telephone', 'email', 'numberPrefix'];

export function officeSettings(ctx: ReadContext): OfficeSettings {
  return officeSettingsSchema.parse(
    Object.fromEntries(OFFICE_KEYS.map((k) => [k, ctx.store.people.setting(`office.${k}`) ?? ''])),
  );
}

export const officeHandlers = {
  'office:get': (_input: object, ctx: ReadContext) => officeSettings(ctx),

  'office:set': (input: ParsedInput<'office:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      for (const key of OFFICE_KEYS) ctx.store.people.setSetting(`office.${key}`, input[key]);
      return officeSettings(ctx);
    }),
};
