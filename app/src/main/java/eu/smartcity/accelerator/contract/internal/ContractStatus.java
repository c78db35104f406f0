package eu.smartcity.accelerator.contract.internal;

/** Where a contract case stands; persisted by name (the values the column always held). */
public enum ContractStatus { DRAFT, NEGOTIATING, READY_TO_SIGN, SIGNED_BY_COMPANY, SIGNED, DECLINED, EXPIRED }
