namespace Inventory.Core.Tests.Properties;

internal sealed partial class ReferenceLedger
{
    private string Commit(ModelState s, Step step)
    {
        if (s.Lines(step.Order).Count > 0)
        {
            return Outcomes.OrderAlreadyExists;
        }

        var holds = s.Holds(step.Cart);
        if (holds.Count == 0)
        {
            return Outcomes.UnknownReservation;
        }

        if (holds.Any(h => h.IsExpiredAt(Now)))
        {
            return Outcomes.ReservationExpired;
        }

        var lines = new List<ModelOrderLine>();
        s.Orders[step.Order] = lines;
        foreach (var hold in holds.ToList())
        {
            holds.Remove(hold);
            s.Touch(hold.Sku, hold.Location).Committed += hold.Quantity;
            lines.Add(new ModelOrderLine(hold.Line, hold.Sku, hold.Location, hold.Quantity, 0, 0));
            s.RequireFits(hold.Sku, hold.Location, Now);
        }

        return Outcomes.Applied;
    }

    private string Fulfil(ModelState s, Step step)
    {
        var lines = s.Lines(step.Order);
        if (lines.Count == 0)
        {
            return Outcomes.UnknownOrder;
        }

        var requests = step.Flag
            ? lines.Where(l => l.Open > 0).Select(l => new StepLine(l.Line, l.Sku, l.Location, l.Open)).ToList()
            : step.LineList;
        foreach (var request in requests)
        {
            var refusal = Ship(s, lines, request);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return Outcomes.Applied;
    }

    /// <summary>Ships one request from the order's matching lines, first line first.</summary>
    private string? Ship(ModelState s, List<ModelOrderLine> lines, StepLine request)
    {
        var matching = Enumerable.Range(0, lines.Count)
            .Where(i => lines[i].Line == request.Line)
            .Where(i => request.Location < 0 || lines[i].Location == request.Location)
            .ToList();
        if (matching.Count == 0)
        {
            return Outcomes.UnknownOrder;
        }

        var open = matching.Sum(i => lines[i].Open);
        if (request.Quantity > open)
        {
            var shortfall = Outcomes.Shortfall(
                LedgerWorld.Line(request.Line), LedgerWorld.SkuName(lines[matching[0]].Sku),
                LedgerWorld.LocationName(request.Location), request.Quantity, open);

            return Outcomes.Refused("ExceedsOpenQuantity", [shortfall]);
        }

        var remaining = request.Quantity;
        foreach (var i in matching)
        {
            var take = Math.Min(lines[i].Open, remaining);
            remaining -= take;
            lines[i] = lines[i] with { Fulfilled = lines[i].Fulfilled + take };
            var figures = s.Touch(lines[i].Sku, lines[i].Location);
            figures.OnHand -= take;
            figures.Committed -= take;
            s.RequireFits(lines[i].Sku, lines[i].Location, Now);
        }

        return null;
    }

    private static string Cancel(ModelState s, Step step)
    {
        var lines = s.Lines(step.Order);
        if (lines.Count == 0)
        {
            return Outcomes.UnknownOrder;
        }

        var named = step.LineList.Select(l => l.Line).ToHashSet();
        if (!step.Flag && named.Any(id => lines.All(l => l.Line != id)))
        {
            return Outcomes.UnknownOrder;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if ((step.Flag || named.Contains(line.Line)) && line.Open > 0)
            {
                s.Touch(line.Sku, line.Location).Committed -= line.Open;
                lines[i] = line with { Cancelled = line.Cancelled + line.Open };
            }
        }

        return Outcomes.Applied;
    }

    private string External(ModelState s, Step step)
    {
        if (s.Lines(step.Order).Count > 0)
        {
            return Outcomes.OrderAlreadyExists;
        }

        var lines = new List<ModelOrderLine>();
        s.Orders[step.Order] = lines;
        foreach (var line in step.LineList)
        {
            s.Touch(line.Sku, line.Location).Committed += line.Quantity;
            lines.Add(new ModelOrderLine(line.Line, line.Sku, line.Location, line.Quantity, 0, 0));
            s.RequireFits(line.Sku, line.Location, Now);
            NoteOversell(s, line.Sku, line.Location, line.Quantity);
        }

        return Outcomes.Applied;
    }
}
