using MonitorDashboard.Calculation.Proposals;

namespace MonitorDashboard.Tests.Calculation.Proposals;

public sealed class ProposalCsvTests
{
    private static readonly SupplierProposal Supplier = new(7, "=Acme, \"Fasteners\"",
        [
            new ProposalLine(185, "M3x8 Screw A2", 1850, "+AF-100", SupplierPartChoice.Primary, 248m, 100m, 3m, 300m, 4.20m, "EUR", 12.60m, 500m),
            new ProposalLine(186, "@Nut, M3", 1860, null, SupplierPartChoice.Fallback, 12.5000m, 1m, 13m, 13m, null, null, null, 0m),
        ],
        [new ProposalTotal("EUR", 12.60m)], 1);

    [Fact]
    public void A_supplier_group_is_one_row_per_line_with_the_page_columns_exact_numbers_and_formulas_defused()
    {
        var csv = ProposalCsv.Supplier(Supplier);

        Assert.Equal(
            "Part ID,Part,Supplier,Supplier part ID,SKU,Primary,Needed,Pack size,Packs,Quantity,Unit price,Line price,Currency,On order\r\n"
            + "185,M3x8 Screw A2,\"'=Acme, \"\"Fasteners\"\"\",1850,'+AF-100,yes,248,100,3,300,4.2,12.6,EUR,500\r\n"
            + "186,\"'@Nut, M3\",\"'=Acme, \"\"Fasteners\"\"\",1860,,no,12.5,1,13,13,,,,0\r\n",
            csv);
    }

    [Fact]
    public void The_no_supplier_group_lists_part_need_and_on_order()
    {
        var csv = ProposalCsv.NoSupplier([new NoSupplierLine(201, "-Widget Front Label", 6.5m, 0m), new NoSupplierLine(202, "Probe", 74m, 10m)]);

        Assert.Equal("Part ID,Part,Needed,On order\r\n201,'-Widget Front Label,6.5,0\r\n202,Probe,74,10\r\n", csv);
    }

    [Theory]
    [InlineData("order-proposal-Production plan-2025-03-30-0700", "Northwind Modules Inc.", "order-proposal-production-plan-2025-03-30-0700-northwind-modules-inc")]
    [InlineData("order-proposal", "../../etc/passwd", "order-proposal-etc-passwd")]
    [InlineData("order-proposal", "Fjord — PCB Works AS", "order-proposal-fjord-pcb-works-as")]
    public void File_names_keep_letters_and_digits_and_nothing_that_makes_a_path(string prefix, string group, string expected) =>
        Assert.Equal(expected, ProposalCsv.FileName(prefix, group));
}
