/**
 * The shared SpreadsheetHost contract against the WPS adapter over the fake ET Application,
 * in the variants WPS builds differ in: events inside or after the write, ListObjects and
 * data bars present or missing, Application.Enum present or not.
 */
import type { SpreadsheetHost } from '../../../core/index';
import { describeSpreadsheetHostContract, type ContractHooks } from '../../../../test/contract/spreadsheet-host.contract';
import { createFakeEtApplication, type FakeEt, type FakeEtOptions } from '../../../../test/fakes/et-application.fake';
import { createWpsHost } from '../wps.host';

function variant(options: FakeEtOptions): [() => SpreadsheetHost, ContractHooks] {
  const fakes = new WeakMap<SpreadsheetHost, FakeEt>();
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
