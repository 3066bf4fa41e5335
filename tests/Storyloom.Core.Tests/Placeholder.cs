namespace Storyloom.Core.Tests;
