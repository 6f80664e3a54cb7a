/**
 * The shared SpreadsheetHost contract against the WPS adapter over the fake ET Application,
 * in the variants WPS builds differ in: events inside or after the write, ListObjects and
 * data bars present or missing, Application.Enum present or not.
 */
import type { SpreadsheetHost } from '../../../core/index';
import { describeAllOrNothingContract, describeSpreadsheetHostContract, type ContractHooks, type FaultHooks } from '../../../../test/contract/spreadsheet-host.contract';
import { createFakeEtApplication, type FakeEt, type FakeEtOptions } from '../../../../test/fakes/et-application.fake';
import { createWpsHost } from '../wps.host';

const fakes = new WeakMap<SpreadsheetHost, FakeEt>();

function fakeOfHost(host: SpreadsheetHost): FakeEt {
  const fake = fakes.get(host);
  if (!fake) throw new Error('no fake for this host');
  return fake;
}

function variant(options: FakeEtOptions): [() => SpreadsheetHost, ContractHooks] {
  const make = () => {
    const fake = createFakeEtApplication(options);
    const host = createWpsHost({ Application: fake.Application, ApiEvent: fake.ApiEvent });
    fakes.set(host, fake);
    return host;
  };
  const fakeOf = (host: SpreadsheetHost) => {
    const fake = fakes.get(host);
    if (!fake) throw new Error('no fake for this host');
    return fake;
  };
  return [
    make,
    {
      userEdit: (host, sheet, address, value) => fakeOf(host).userEdit(sheet, address, value),
      recorded: (host, sheet) => {
        const data = fakeOf(host).sheet(sheet);
        return {
          tables: data.listObjects.map((t) => t.name),
          validations: data.validations.length,
          conditionalFormats: data.conditions.length,
          notes: [...data.cells.values()].filter((c) => c.comment !== undefined).length,
          charts: data.charts.filter((c) => c.source && c.title).length,
        };
      },
    },
  ];
}

describeSpreadsheetHostContract('wps (fake ET, events inside the write)', ...variant({ eventDelivery: 'sync' }));
describeSpreadsheetHostContract('wps (fake ET, events after the write, Application.Enum)', ...variant({ eventDelivery: 'deferred', withEnum: true }));
describeSpreadsheetHostContract('wps (fake ET without ListObjects or data bars)', ...variant({ noListObjects: true, noDatabar: true }));
describeSpreadsheetHostContract('wps (fake ET without ChartObjects)', ...variant({ noCharts: true }));

/** WPS: the n-th ET call throws in the middle of the loop (WPS cannot roll back; the adapter must restore). */
function faultyVariant(options: FakeEtOptions): [() => SpreadsheetHost, FaultHooks, ContractHooks] {
  const [make, hooks] = variant(options);
  const state = new WeakMap<SpreadsheetHost, { ran: number; failAt: number }>();
  const makeFaulty = () => {
    const host = make();
    const counter = { ran: 0, failAt: -1 };
    state.set(host, counter);
    fakeOfHost(host).core.options.failWhen = () => {
      const n = counter.ran++;
      if (n !== counter.failAt) return false;
      counter.failAt = -1;
      return true;
    };
    return host;
  };
  const faults: FaultHooks = {
    count: (host) => state.get(host)?.ran ?? 0,
    failAt: (host, n) => {
      const counter = state.get(host);
      if (counter) counter.failAt = counter.ran + n;
    },
  };
  return [makeFaulty, faults, { recorded: hooks.recorded }];
}

describeAllOrNothingContract('wps (fake ET, an exception at each call)', ...faultyVariant({ eventDelivery: 'sync' }));
