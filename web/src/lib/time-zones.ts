// IANA time zones for selects: the runtime's own list where it has one (Intl.supportedValuesOf),
// else only the common Russian zones and the value at hand.

/** Time zones for the select: the common Russian ones first, then everything the runtime knows. */
export function timeZoneOptions(current: string): { common: string[]; all: string[] } {
  const common = [
    'Europe/Kaliningrad',
    'Europe/Moscow',
    'Europe/Samara',
    'Asia/Yekaterinburg',
    'Asia/Omsk',
    'Asia/Novosibirsk',
    'Asia/Krasnoyarsk',
    'Asia/Irkutsk',
    'Asia/Yakutsk',
    'Asia/Vladivostok',
    'Asia/Magadan',
    'Asia/Kamchatka',
  ];
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  const rest = all.filter((z) => !common.includes(z));
  if (current && !common.includes(current) && !rest.includes(current)) rest.unshift(current);
  return { common, all: rest };
}

