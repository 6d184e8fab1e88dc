import * as z from 'zod';
import { ORG_ID_MESSAGE, ORG_ID_PATTERN } from './publish';
import { readinessReasonSchema } from './readiness';
import { isIsoDate } from './dates';
import { idSchema, requiredText } from './schemas';

export const wordingSchema = z.object({
  issuingBody: requiredText('issuing body', 200),
  signatoryRole: requiredText('signatory role', 200),
  legalImplications: requiredText('legal implications', 5_000),
  equalityImplications: requiredText('equality implications', 5_000),
  declarationOfInterests: requiredText('declaration of interests wording', 5_000),
  publicAccess: requiredText('public access wording', 5_000),
  backgroundPapers: z.string().trim().max(5_000).default('None'),
});
export type Wording = z.infer<typeof wordingSchema>;

/** The office's standard wording until it edits its own; written for Tranche, not copied. */
export const DEFAULT_WORDING: Wording = {
  issuingBody: 'Office of the Police and Crime Commissioner',
  signatoryRole: 'Police and Crime Commissioner',
  legalImplications:
    'Schedule 9 of the Police Reform and Social Responsibility Act 2011 gives the Commissioner the ' +
    'power to award crime and disorder reduction grants to any person or body whose work will help ' +
    'meet the Commissioner’s crime prevention and wider priorities. A grant may be made on conditions.',
  equalityImplications:
    'The Commissioner has considered the equality implications of this decision and will keep them ' +
    'under review as the funded projects are delivered.',
  declarationOfInterests:
    'I confirm that I do not have any disclosable pecuniary interests in this decision and that I take ' +
    'it in line with the Code of Conduct of my office. Any interests are stated below.',
  publicAccess:
    'Information in this decision is subject to the Freedom of Information Act 2000 and other ' +
    'legislation. The decision will be published on the Commissioner’s website.',
  backgroundPapers: 'None',
};

export const officeSettingsSchema = z.object({
  contactOfficer: z.string().trim().max(200).default(''),
  telephone: z.string().trim().max(60).default(''),
  email: z.string().trim().max(200).default(''),
  /** Put before the number, e.g. "WMPCC " gives "WMPCC 003/2013". */
  numberPrefix: z.string().trim().max(20).default(''),
  /**
   * The office's org-id (org-id.guide), kept so `publish 360giving` need not be given it each time.
   * Optional in a change: a change that leaves it out keeps the one kept; an empty one clears it.
   */
  orgId: z
    .string()
    .trim()
    .refine((v) => v === '' || ORG_ID_PATTERN.test(v), { error: ORG_ID_MESSAGE })
    .optional(),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const NOTICE_STATUSES = ['draft', 'ready', 'signed', 'superseded'] as const;

export const noticeViewSchema = z.object({
  id: idSchema,
  roundId: idSchema,
  number: z.string(),
  title: z.string(),
  marking: z.enum(['NON-CONFIDENTIAL', 'CONFIDENTIAL']),
  status: z.enum(NOTICE_STATUSES),
  wording: wordingSchema,
  includeAppendixB: z.boolean(),
  summary: z.string().nullable(),
  executiveSummary: z.string().nullable(),
  background: z.string().nullable(),
  boardName: z.string().nullable(),
  boardDate: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedOn: z.string().nullable(),
  interests: z.string().nullable(),
  fingerprint: z.string().nullable(),
  supersedes: z.string().nullable(),
  /** Why it went ahead despite the readiness list's warnings: when sent for sign-off, when signed. */
  sentReason: z.string().nullable(),
  signedReason: z.string().nullable(),
  /** The document as it will print (frozen once signed). */
  preview: z.any(),
});

export const noticeUpdateSchema = z.object({
  noticeId: idSchema,
  title: requiredText('title', 300),
  marking: z.enum(['NON-CONFIDENTIAL', 'CONFIDENTIAL']),
  wording: wordingSchema,
  includeAppendixB: z.boolean().default(false),
  summary: z
    .string()
    .trim()
    .max(2_000)
    .nullish()
    .transform((v) => v || null),
});

/** Text the office may leave out: absent keeps what is there, blank clears it. */
const officeWords = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `The ${label} must be ${max} characters or fewer` })
    .optional();

/** The notice in the office's own words (`notice set`): each field left out keeps its value. */
export const noticeSetSchema = z.object({
  roundId: idSchema,
  summary: officeWords('executive summary', 5_000),
  background: officeWords('background', 10_000),
  boardName: officeWords('board name', 200),
  boardDate: z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), { error: 'The board date must be a real date, like 2013-11-05' })
    .optional(),
});

export const signSchema = z.object({
  roundId: idSchema,
  interests: z.string().trim().max(2_000).default(''),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Give the date as YYYY-MM-DD' })
    .optional(),
  /** Why the decision is signed despite the readiness list's warnings (required when there are any). */
  readinessReason: readinessReasonSchema,
  /**
   * The commissioner's passphrase, given again at the moment of signing. Required unless they proved
   * it moments before (a command-line run unlocks as it starts); the app always asks for it.
   */
  passphrase: z.string().min(1, { error: 'Enter your passphrase to sign' }).max(1_000).optional(),
});

export const noticeExportSchema = z.object({
  roundId: idSchema,
  format: z.enum(['docx', 'pdf']),
  public: z.boolean().default(false),
});
export const lettersExportSchema = z.object({
  roundId: idSchema,
  format: z.enum(['docx', 'pdf']),
  ref: z.string().trim().min(1).optional(),
  /** All the letters as one .zip file rather than one file each. */
  zip: z.boolean().default(false),
});
