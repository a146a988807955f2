import { z } from 'zod';
import { MAX_PRICE_MINOR, type CreateServiceInput } from '@/features/masters/api/create-service';
import type { UpdateServiceInput } from '@/features/masters/api/update-service';
import { moneyInputValue, parseMoneyInput } from '@/lib/format';
import type { Language } from '@/lib/i18n';
import type { Service } from '@/types/api';

export type ServiceFormValues = {
  name: string;
  description: string;
  category_id: string;
  /** Roubles as typed: "1500", "1 500,50". */
  price: string;
  duration_min: string;
};

export const SERVICE_ALIASES = { price_minor: 'price', currency: 'price' } as const;

/** Durations offered in the select; an existing odd value is added to them. */
export const DURATION_CHOICES = [
  15, 30, 45, 60, 75, 90, 105, 120, 150, 180, 210, 240, 300, 360, 420, 480, 540, 600, 660, 720,
] as const;

export function toServiceFormValues(service: Service | null, lang: Language, defaultCategory = ''): ServiceFormValues {
  return {
    name: service?.name ?? '',
    description: service?.description ?? '',
    category_id: service?.category_id ?? defaultCategory,
    price: service ? moneyInputValue(service.price_minor, service.currency, lang) : '',
    duration_min: String(service?.duration_min ?? 60),
  };
}

const length = (v: string) => Array.from(v).length;

// Messages are i18n keys (see lib/form.ts).
export const serviceFormSchema = z.custom<ServiceFormValues>().superRefine((v, ctx) => {
  const add = (field: keyof ServiceFormValues, message: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
  const name = v.name.trim();
  if (length(name) < 1 || length(name) > 100) add('name', 'validation.service_name_length');
  if (length(v.description) > 1000) add('description', 'validation.description_length');
  if (!v.category_id) add('category_id', 'validation.required');
  const price = parseMoneyInput(v.price);
  if (v.price.trim() === '') add('price', 'validation.required');
  else if (price === null) add('price', 'validation.price_format');
  else if (price > MAX_PRICE_MINOR) add('price', 'validation.price_max');
  const duration = Number(v.duration_min);
  if (!Number.isInteger(duration) || duration < 5 || duration > 720) add('duration_min', 'validation.duration_range');
});

export function buildCreateServiceInput(v: ServiceFormValues): CreateServiceInput {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    category_id: v.category_id,
    price_minor: parseMoneyInput(v.price) ?? 0,
    currency: 'RUB',
    duration_min: Number(v.duration_min),
  };
}

/** Only the fields that changed. */
export function buildServicePatch(v: ServiceFormValues, service: Service): UpdateServiceInput {
  const next = buildCreateServiceInput(v);
  const patch: UpdateServiceInput = {};
  if (next.name !== service.name) patch.name = next.name;
  if (next.description !== (service.description ?? '')) patch.description = next.description;
  if (next.category_id !== service.category_id) patch.category_id = next.category_id;
  if (next.price_minor !== service.price_minor) patch.price_minor = next.price_minor;
  if (next.duration_min !== service.duration_min) patch.duration_min = next.duration_min;
  return patch;
}
