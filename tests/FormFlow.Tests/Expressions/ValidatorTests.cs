using FormFlow.Engine.Expressions.Helpers;

namespace FormFlow.Tests.Expressions;

/// <summary>The resident-ID, mobile and e-mail checks the form engine reuses for its JSON Schema formats.</summary>
public class ValidatorTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("440305199003071236", true)]
    [InlineData("440305199003071235", false)] // check digit
    [InlineData("990101199001011230", false)] // province 99
    [InlineData("310115190002294560", false)] // 1900-02-29
    [InlineData("440305189912311234", false)] // before 1900
    [InlineData("440305900307123", false)]    // 15-digit form
    [InlineData("４40305199003071236", false)] // full-width digit
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ResidentId_IsValid(string? id, bool valid) => Assert.Equal(valid, ResidentId.IsValid(id));

    [Fact]
    public void ResidentId_TryParse_gives_birth_date_and_sex()
    {
        Assert.True(ResidentId.TryParse("440305199003071236", out var birth, out var male));
        Assert.Equal((new DateOnly(1990, 3, 7), true), (birth, male));
        Assert.True(ResidentId.TryParse("11010519491231002X", out birth, out male));
        Assert.Equal((new DateOnly(1949, 12, 31), false), (birth, male));
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("+8613812345678", false)]
    [InlineData("1381234567８", false)]
    [InlineData(null, false)]
    public void MainlandMobile_IsValid(string? number, bool valid) => Assert.Equal(valid, MainlandMobile.IsValid(number));

    [Theory]
    [InlineData("zhang.san@union.org.cn", true)]
    [InlineData("a+b@x-y.com", true)]
    [InlineData("a@b", false)]
    [InlineData("a@b.c", false)]
    [InlineData("a@b.cn\n", false)]
    [InlineData("a b@c.cn", false)]
    [InlineData("@c.cn", false)]
    [InlineData(null, false)]
    public void EmailAddress_IsValid(string? address, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(address));

    [Fact]
    public void EmailAddress_refuses_overlong_addresses()
    {
        Assert.False(EmailAddress.IsValid(new string('a', 250) + "@b.cn"));
    }
}
