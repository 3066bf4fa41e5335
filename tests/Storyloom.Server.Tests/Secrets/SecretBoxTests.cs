using Shouldly;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Tests.Secrets;

public sealed class SecretBoxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("secretbox-").FullName;

    [Fact]
    public void A_protected_value_opens_only_for_its_purpose_and_never_holds_the_plaintext()
    {
        var box = new SecretBox(new StoryloomOptions { DataDirectory = _dir });
        var sealedValue = box.Protect("sk-live-123456", "openai-key:7");

        sealedValue.ShouldNotContain("sk-live");
        box.Unprotect(sealedValue, "openai-key:7").ShouldBe("sk-live-123456");
        box.Unprotect(sealedValue, "openai-key:8").ShouldBeNull();
        box.Unprotect(sealedValue[..^4] + "AAAA", "openai-key:7").ShouldBeNull();
        box.Unprotect("not a sealed value", "openai-key:7").ShouldBeNull();
    }

    [Fact]
    public void The_key_made_on_first_start_is_kept_so_a_restart_still_opens_old_values()
    {
        var sealedValue = new SecretBox(new StoryloomOptions { DataDirectory = _dir }).Protect("token", "p");

        new SecretBox(new StoryloomOptions { DataDirectory = _dir }).Unprotect(sealedValue, "p").ShouldBe("token");
        new SecretBox(new StoryloomOptions { DataDirectory = Directory.CreateTempSubdirectory("secretbox-other-").FullName })
            .Unprotect(sealedValue, "p").ShouldBeNull();
    }

    [Fact]
    public void A_configured_key_of_the_wrong_length_is_a_configuration_problem()
    {
        var options = new StoryloomOptions { DataDirectory = _dir, Secrets = { Key = Convert.ToBase64String(new byte[16]) } };

        Should.Throw<ConfigurationProblemException>(() => new SecretBox(options)).Message.ShouldContain("Storyloom:Secrets:Key");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
