// Production gateways ask for their name before anything is applied or removed.
export function isProduction(environment: string): boolean {
  return /^(prod|production)$/i.test(environment.trim());
}

export function environmentColor(environment: string): string {
  if (isProduction(environment)) return 'red';
  if (/^stag/i.test(environment)) return 'orange';
  return 'gray';
}
