// What a variable may be called, and which names hold secrets however they are marked (their
// values never leave the browser).
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|(^|_)KEY$|CREDENTIAL|PRIVATE/i;

export interface Variable {
  name: string;
  /** "" for a secret variable as the server holds it. */
  value: string;
  secret: boolean;
}

export interface Environment {
  name: string;
  variables: Variable[];
}

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A variable as it may be stored: a secret (marked, or named like one) loses its value. */
export function storableVariable(variable: Variable): Variable {
  const secret = variable.secret || looksSecret(variable.name);
  return { name: variable.name, value: secret ? "" : variable.value, secret };
}

/** An environment as it may be stored: each variable as `storableVariable` makes it. */
export function storableEnvironment(environment: Environment): Environment {
  return { name: environment.name, variables: environment.variables.map(storableVariable) };
}
