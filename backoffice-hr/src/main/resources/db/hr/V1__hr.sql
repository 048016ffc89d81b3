-- HR and payroll schema (backoffice-hr). Common subset of PostgreSQL and H2 (MODE=PostgreSQL).
-- Every primary key and every query starts with tenant_id.

CREATE TABLE hr_employees (
    tenant_id    VARCHAR(64)  NOT NULL,
    employee_id  UUID         NOT NULL,
    jurisdiction VARCHAR(8)   NOT NULL,
    body         TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, employee_id)
);

CREATE TABLE hr_contracts (
    tenant_id    VARCHAR(64)  NOT NULL,
    contract_id  UUID         NOT NULL,
    employee_id  UUID         NOT NULL,
    start_date   DATE         NOT NULL,
    end_date     DATE,
    body         TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, contract_id)
);

CREATE INDEX hr_contracts_by_employee ON hr_contracts (tenant_id, employee_id);

CREATE TABLE hr_payroll_state (
    tenant_id    VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE hr_runs (
    tenant_id    VARCHAR(64)  NOT NULL,
    run_id       UUID         NOT NULL,
    seq          BIGINT       NOT NULL,
    jurisdiction VARCHAR(8)   NOT NULL,
    period       CHAR(7)      NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    regular_key  VARCHAR(32),
    approved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    header       TEXT         NOT NULL,
    dictionary   TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, run_id)
);

-- At most one regular run per jurisdiction and period (corrections leave regular_key NULL).
CREATE UNIQUE INDEX hr_runs_one_regular ON hr_runs (tenant_id, regular_key);
CREATE INDEX hr_runs_by_period ON hr_runs (tenant_id, jurisdiction, period);

CREATE TABLE hr_payslips (
    tenant_id     VARCHAR(64)  NOT NULL,
    run_id        UUID         NOT NULL,
    employee_id   UUID         NOT NULL,
    jurisdiction  VARCHAR(8)   NOT NULL,
    period        CHAR(7)      NOT NULL,
    tax_year      VARCHAR(16)  NOT NULL,
    employee_name VARCHAR(401) NOT NULL,
    gross_minor   BIGINT       NOT NULL,
    deductions_minor BIGINT    NOT NULL,
    net_minor     BIGINT       NOT NULL,
    employer_minor BIGINT      NOT NULL,
    lines         TEXT         NOT NULL,
    ytd           TEXT         NOT NULL,
    ytd_delta     TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, run_id, employee_id)
);

CREATE INDEX hr_payslips_by_period ON hr_payslips (tenant_id, jurisdiction, period);

CREATE TABLE hr_ytd (
    tenant_id    VARCHAR(64)  NOT NULL,
    jurisdiction VARCHAR(8)   NOT NULL,
    tax_year     VARCHAR(16)  NOT NULL,
    employee_id  UUID         NOT NULL,
    ytd          TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, jurisdiction, tax_year, employee_id)
);
